"""FedAvg with flat parameter vectors, as in many simulation codebases: each client trains a copy
of the global model and sends back `parameters_to_vector` of its weights; the server averages the
vectors (weighted by client data size) and writes the average back into the global model with
`torch.nn.utils.vector_to_parameters`."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parameters_to_vector, vector_to_parameters


def make_model():
    return nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 2))


def client_update(global_model, data, epochs=1, lr=0.1):
    model = copy.deepcopy(global_model)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    x, y = data
    for _ in range(epochs):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return parameters_to_vector(model.parameters()).detach(), len(y)


def server_round(global_model, clients):
    results = [client_update(global_model, data) for data in clients]
    total = sum(n for _, n in results)
    avg = sum(vec * (n / total) for vec, n in results)
    vector_to_parameters(avg, global_model.parameters())  # L


def run():
    torch.manual_seed(0)
    global_model = make_model()
    clients = [(torch.randn(n, 6), torch.randint(0, 2, (n,))) for n in (8, 12, 5)]
    for _ in range(2):
        server_round(global_model, clients)
