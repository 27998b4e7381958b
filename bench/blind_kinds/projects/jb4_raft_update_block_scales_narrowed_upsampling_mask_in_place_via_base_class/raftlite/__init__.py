from .configs import CONFIGS
from .engine import FlowTrainer
from .models import RAFTLite, build_model
from .utils import synthetic_flow_batches

__all__ = ["CONFIGS", "FlowTrainer", "RAFTLite", "build_model", "synthetic_flow_batches"]
