from .layer import SwitchFFN
from .router import RouterOutput, Top1Router

__all__ = ["RouterOutput", "SwitchFFN", "Top1Router"]
