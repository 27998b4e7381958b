from .memory import AdversarialMemory
from .model import AdCo
from .schedule import RefreshSchedule
