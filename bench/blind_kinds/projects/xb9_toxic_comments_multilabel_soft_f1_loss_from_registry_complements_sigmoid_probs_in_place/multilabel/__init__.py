from .losses import get_loss
from .model import BagOfWordsClassifier
