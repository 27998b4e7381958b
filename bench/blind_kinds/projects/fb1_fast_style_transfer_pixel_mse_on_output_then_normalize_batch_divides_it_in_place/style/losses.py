import torch
import torch.nn.functional as F

from .imaging import gram_matrix, normalize_batch, total_variation


class PerceptualLoss:
    content_layer = "relu2_2"

    def __init__(self, features, style_image, weights):
        self.features, self.weights = features, weights
        with torch.no_grad():
            self.style_grams = {k: gram_matrix(v) for k, v in features(normalize_batch(style_image)).items()}

    def __call__(self, y, x):
        terms = {}
        if self.weights.tv > 0:
            terms["tv"] = self.weights.tv * total_variation(y)
        if self.weights.pixel > 0:
            terms["pixel"] = self.weights.pixel * F.mse_loss(y, x)
        feats_y = self.features(normalize_batch(y))  # L
        feats_x = self.features(normalize_batch(x))
        terms["content"] = self.weights.content * F.mse_loss(feats_y[self.content_layer], feats_x[self.content_layer])
        terms["style"] = self.weights.style * sum(
            F.mse_loss(gram_matrix(f), self.style_grams[k].expand_as(gram_matrix(f))) for k, f in feats_y.items())
        return terms
