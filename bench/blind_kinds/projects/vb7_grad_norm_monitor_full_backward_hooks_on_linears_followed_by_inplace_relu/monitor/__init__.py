from .grad_stats import GradNormMonitor

__all__ = ["GradNormMonitor"]
