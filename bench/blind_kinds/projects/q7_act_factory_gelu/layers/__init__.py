from .acts import get_act
