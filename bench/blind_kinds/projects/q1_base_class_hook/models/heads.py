from .base import BaseHead


class SharpHead(BaseHead):
    def post(self, y):
        y.pow_(2)  # L
        return y
