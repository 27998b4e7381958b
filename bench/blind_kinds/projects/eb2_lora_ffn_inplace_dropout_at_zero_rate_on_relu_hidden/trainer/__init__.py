from .accumulate import AccumulatingTrainer
