import torch
import torch.nn.functional as F

from moe import MoELayer, RouterConfig


def main():
    torch.manual_seed(0)
    layer = MoELayer(6, RouterConfig(n_experts=4, top_k=2))
    head = torch.nn.Linear(6, 3)
    params = list(layer.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
    h, aux = layer(x)  # L
    loss = F.cross_entropy(head(h), y) + aux
    opt.zero_grad()
    loss.backward()
    opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
