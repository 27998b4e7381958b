from dataclasses import dataclass


@dataclass
class AdapterConfig:
    bottleneck: int = 4
    placement: str = "sequential"  # "sequential" (Houlsby) or "parallel" (He et al.)
    init_scale: float = 1e-2
