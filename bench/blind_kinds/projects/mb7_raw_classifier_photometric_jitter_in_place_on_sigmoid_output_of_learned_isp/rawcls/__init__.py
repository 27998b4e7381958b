from .augment import PhotometricJitter
from .isp import LearnedISP
from .pipeline import RawPipeline

__all__ = ["LearnedISP", "PhotometricJitter", "RawPipeline"]
