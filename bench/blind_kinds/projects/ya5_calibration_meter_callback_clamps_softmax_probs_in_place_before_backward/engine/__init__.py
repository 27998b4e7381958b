from .callbacks import CalibrationMeter, Callback, LossPrinter
from .models import SoftmaxClassifier
from .trainer import Trainer
