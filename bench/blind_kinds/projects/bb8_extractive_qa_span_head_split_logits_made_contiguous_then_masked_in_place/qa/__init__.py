from .model import SpanQA, span_loss

__all__ = ["SpanQA", "span_loss"]
