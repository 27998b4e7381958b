from .loop import train_epoch
from .model import VAE
