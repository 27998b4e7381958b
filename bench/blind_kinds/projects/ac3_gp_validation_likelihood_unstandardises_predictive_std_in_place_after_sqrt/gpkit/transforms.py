import torch


class Standardize:
    """Outcome transform: the GP models (y - mean) / std; predictions are mapped back."""

    def fit(self, y):
        self.mean, self.std = y.mean(), y.std()
        return self

    def transform(self, y):
        return (y - self.mean) / self.std

    def untransform_mean_(self, mu):
        return mu.mul_(self.std).add_(self.mean)

    def untransform_std_(self, sigma):
        return sigma.mul_(self.std)  # L

    def untransform_var_(self, var):
        return var.mul_(self.std ** 2)
