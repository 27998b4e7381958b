from .catalog import CatalogGrowth
from .models import NeuMF
from .trainer import Trainer
