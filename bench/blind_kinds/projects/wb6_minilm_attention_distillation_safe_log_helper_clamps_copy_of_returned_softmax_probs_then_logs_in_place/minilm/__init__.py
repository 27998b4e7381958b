from .encoder import Encoder
from .losses import attention_transfer_loss, value_relation_loss

__all__ = ["Encoder", "attention_transfer_loss", "value_relation_loss"]
