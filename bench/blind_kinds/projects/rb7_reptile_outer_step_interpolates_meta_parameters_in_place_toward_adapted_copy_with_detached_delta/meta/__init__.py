from .reptile import Reptile
from .tasks import SinusoidTasks
