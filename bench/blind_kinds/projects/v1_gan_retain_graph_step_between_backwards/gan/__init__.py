from .nets import Critic, Generator
from .steps import *  # noqa: F401,F403
