from .ortho import OrthoConstraint, project_orthogonal_

__all__ = ["OrthoConstraint", "project_orthogonal_"]
