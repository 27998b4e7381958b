from .bank import UPDATE_RULES, CentroidBank
from .loss import centroid_kd_loss

__all__ = ["CentroidBank", "UPDATE_RULES", "centroid_kd_loss"]
