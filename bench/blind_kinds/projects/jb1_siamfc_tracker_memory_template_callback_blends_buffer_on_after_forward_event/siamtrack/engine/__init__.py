from .hooks import Callback, TemplateUpdate
from .trainer import Trainer

__all__ = ["Callback", "TemplateUpdate", "Trainer"]
