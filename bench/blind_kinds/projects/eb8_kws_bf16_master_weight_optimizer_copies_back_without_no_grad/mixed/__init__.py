from .master import MasterWeightOptimizer
