from dataclasses import dataclass


@dataclass
class NMTConfig:
    src_vocab: int = 14
    tgt_vocab: int = 14
    emb: int = 6
    hidden: int = 8
    pad_id: int = 0
    bos_id: int = 1
    # where the padded encoder states are zeroed: "before_keys" or "after_keys"
    mask_pads: str = "before_keys"
