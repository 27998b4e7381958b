import torch
import torch.nn.functional as F

from condinst import CondInstLite


def main():
    torch.manual_seed(0)
    model = CondInstLite()
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    for step in range(2):
        img = torch.randn(1, 3, 8, 8)
        centres = torch.tensor([[2, 3], [5, 5]])
        gt = (torch.rand(2, 1, 8, 8) > 0.5).float()
        masks = model(img, centres)  # L
        loss = F.binary_cross_entropy_with_logits(masks, gt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
