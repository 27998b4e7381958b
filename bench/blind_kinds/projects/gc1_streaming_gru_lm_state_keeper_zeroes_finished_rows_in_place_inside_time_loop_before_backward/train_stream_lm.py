import torch

from stream import StateKeeper, StreamLM, train_chunk

EOS = 0


def main(chunks=3, batch=4, chunk_len=6):
    torch.manual_seed(0)
    model = StreamLM()
    keeper = StateKeeper(batch, model.hidden)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    stream = torch.randint(0, 17, (batch, chunks * chunk_len + 1))
    stream[:, 3::5] = EOS
    for i in range(chunks):
        chunk = stream[:, i * chunk_len:(i + 1) * chunk_len + 1]
        print(i, train_chunk(model, keeper, chunk, EOS, opt))  # L


if __name__ == "__main__":
    main()
