from .coupling import AffineCoupling, RealNVP

__all__ = ["AffineCoupling", "RealNVP"]
