import torch
import torch.nn.functional as F

from charrnn import CharRNN, Vocab

TEXT = "the quick brown fox jumps over the lazy dog. " * 3


def batches(ids, seq_len, batch):
    n = (len(ids) - 1) // (seq_len * batch) * seq_len * batch
    x = ids[:n].view(batch, -1).t()
    y = ids[1:n + 1].view(batch, -1).t()
    for i in range(0, x.shape[0], seq_len):
        yield x[i:i + seq_len], y[i:i + seq_len]


def main():
    torch.manual_seed(0)
    vocab = Vocab(TEXT)
    ids = vocab.encode(TEXT)
    model = CharRNN(len(vocab))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for step, (x, y) in enumerate(batches(ids, seq_len=6, batch=4)):
        if step == 2:
            break
        logits, _ = model(x)  # L
        loss = F.cross_entropy(logits.reshape(-1, len(vocab)), y.reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())
    print(vocab.decode(model.greedy(vocab.encode("the ").unsqueeze(1), 8)))


if __name__ == "__main__":
    main()
