from dataclasses import dataclass


@dataclass
class SetConfig:
    d_in: int = 6
    d_model: int = 8
    n_queries: int = 4
    n_heads: int = 2
    query_source: str = "embedding"  # "embedding" (a lookup table) or "parameter" (a raw tensor)
