from .client import Client, fedavg_clients
from .server import Server

__all__ = ["Client", "Server", "fedavg_clients"]
