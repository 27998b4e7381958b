import torch

from seq2seq import Translator, train_batch

CONFIG = {
    "vocab_in": 12,
    "vocab_out": 10,
    "hidden": 8,
    "max_length": 6,
    "reuse_encoder_buffer": False,  # L
    "lr": 0.05,
    "steps": 2,
}


def random_pair(cfg):
    n, m = torch.randint(2, cfg["max_length"] + 1, (2,)).tolist()
    return torch.randint(1, cfg["vocab_in"], (n,)), torch.randint(1, cfg["vocab_out"], (m,))


def main(cfg=CONFIG):
    torch.manual_seed(0)
    translator = Translator(cfg["vocab_in"], cfg["vocab_out"], cfg["hidden"], cfg["max_length"],
                            reuse_buffer=cfg["reuse_encoder_buffer"])
    optimizer = torch.optim.SGD(translator.parameters(), lr=cfg["lr"])
    for step in range(cfg["steps"]):
        pairs = [random_pair(cfg) for _ in range(3)]
        print(step, train_batch(translator, pairs, optimizer))  # L


if __name__ == "__main__":
    main()
