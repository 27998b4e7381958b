from .loss import MultiCropDINOLoss
from .models import build_pair, ema_update
