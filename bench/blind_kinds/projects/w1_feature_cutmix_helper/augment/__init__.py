from .cutmix import *  # noqa: F401,F403
