from .diffaug import *  # noqa: F401,F403
