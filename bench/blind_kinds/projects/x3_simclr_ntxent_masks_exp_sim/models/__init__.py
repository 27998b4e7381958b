from .encoder import SimCLRNet
