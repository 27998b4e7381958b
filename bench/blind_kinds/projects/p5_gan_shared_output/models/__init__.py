from .gan import Discriminator, Generator
