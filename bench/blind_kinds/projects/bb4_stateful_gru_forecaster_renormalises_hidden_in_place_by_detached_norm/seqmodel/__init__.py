from .config import ForecastConfig
from .engine import fit
from .model import StatefulForecaster

__all__ = ["ForecastConfig", "StatefulForecaster", "fit"]
