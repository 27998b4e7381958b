from .functional import renorm_
