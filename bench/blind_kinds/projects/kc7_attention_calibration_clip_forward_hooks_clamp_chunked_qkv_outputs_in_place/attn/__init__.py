from .layers import QKV, TinyAttentionClassifier

__all__ = ["QKV", "TinyAttentionClassifier"]
