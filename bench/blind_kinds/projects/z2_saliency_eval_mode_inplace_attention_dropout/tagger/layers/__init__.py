from .attention import *  # noqa: F401,F403
from .base import *  # noqa: F401,F403
from .dropped import *  # noqa: F401,F403
