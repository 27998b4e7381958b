from .losses import HintLoss
from .taps import FeatureTap
from .trainer import HintTrainer
