import torch
import torch.nn.functional as F

from encoder import Encoder, EncoderConfig


def main():
    torch.manual_seed(0)
    cfg = EncoderConfig(depth=3, grad_checkpointing=False)
    model = Encoder(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    x, y = torch.randn(6, cfg.d_in), torch.randn(6, 1)
    for _ in range(2):
        loss = F.mse_loss(model(x), y)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(loss.item())


if __name__ == "__main__":
    main()
