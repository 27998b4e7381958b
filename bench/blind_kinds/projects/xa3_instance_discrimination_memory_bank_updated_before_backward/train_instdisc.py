import torch

from instdisc import Encoder, MemoryBank, train_step

N_ITEMS, BATCH, EPOCHS = 24, 8, 1


def main():
    torch.manual_seed(0)
    data = torch.randn(N_ITEMS, 10)
    model = Encoder()
    bank = MemoryBank(N_ITEMS, 8)
    opt = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9, weight_decay=5e-4)
    for _ in range(EPOCHS):
        for idx in torch.randperm(N_ITEMS).split(BATCH):
            x = data[idx] + 0.1 * torch.randn(len(idx), 10)
            print(train_step(model, bank, (x, idx), opt))  # L


if __name__ == "__main__":
    main()
