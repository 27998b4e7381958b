import torch.nn as nn

from .base import PretrainModel
from .masking import MaskingMixin
from .quantizer import GumbelQuantizer


class Wav2Vec2(MaskingMixin, PretrainModel):
    def __init__(self, cfg):
        super().__init__(cfg)
        c, d = cfg.conv_dim, cfg.encoder_dim
        self.feature_extractor = nn.Sequential(
            nn.Conv1d(1, c, 10, stride=5), nn.GroupNorm(c, c), nn.GELU(),
            nn.Conv1d(c, c, 3, stride=2), nn.GELU(),
            nn.Conv1d(c, c, 2, stride=2), nn.GELU())
        self.layer_norm = nn.LayerNorm(c)
        # as in fairseq: a projection only where the widths differ
        self.post_extract_proj = nn.Linear(c, d) if c != d else None
        self.quantizer = GumbelQuantizer(c, cfg.codebook_size, d)
        self.init_masking(d)
        layer = nn.TransformerEncoderLayer(d, 2, 2 * d, dropout=0.0, batch_first=True)
        self.context = nn.TransformerEncoder(layer, 1, enable_nested_tensor=False)
        self.final_proj = nn.Linear(d, d)

    def extract_features(self, wav):
        return self.layer_norm(self.feature_extractor(wav.unsqueeze(1)).transpose(1, 2))

    def project(self, features):
        return features if self.post_extract_proj is None else self.post_extract_proj(features)
