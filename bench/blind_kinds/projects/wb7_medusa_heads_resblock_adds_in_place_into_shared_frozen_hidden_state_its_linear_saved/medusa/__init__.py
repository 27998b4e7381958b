from .model import MedusaLM
from .loss import medusa_loss

__all__ = ["MedusaLM", "medusa_loss"]
