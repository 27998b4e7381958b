import torch
import torch.nn.functional as F

from agent import Encoder, FeatureBuffer, QHead

OBS_DIM, N_ACTIONS, GAMMA = 5, 3, 0.99


def td_step(encoder, head, buffer, opt, batch):
    obs, actions, rewards, next_obs = batch
    feats = encoder(obs)
    buffer.add(feats)
    q = head(feats).gather(1, actions[:, None]).squeeze(1)
    with torch.no_grad():
        target = rewards + GAMMA * head(encoder(next_obs)).max(1).values
    loss = F.smooth_l1_loss(q, target)
    buffer.standardize_()  # L
    bonus = buffer.novelty(feats)
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item(), bonus.mean().item()


def main():
    torch.manual_seed(0)
    encoder, head = Encoder(OBS_DIM), QHead(8, N_ACTIONS)
    buffer = FeatureBuffer(capacity=32, copy=False)  # views are enough: the bonus never needs gradients
    opt = torch.optim.Adam(list(encoder.parameters()) + list(head.parameters()), lr=1e-3)
    for _ in range(2):
        batch = (torch.randn(6, OBS_DIM), torch.randint(0, N_ACTIONS, (6,)), torch.randn(6), torch.randn(6, OBS_DIM))
        print(td_step(encoder, head, buffer, opt, batch))


if __name__ == "__main__":
    main()
