import torch

from dqn import DoubleDQNLearner, build_qnet

OBS_DIM, N_ACTIONS, BATCH = 8, 5, 16


def sample_batch():
    legal = torch.rand(BATCH, N_ACTIONS) > 0.3
    legal[:, 0] = True  # the no-op is always legal
    return (torch.randn(BATCH, OBS_DIM), torch.randint(0, N_ACTIONS, (BATCH,)), torch.randn(BATCH),
            torch.randn(BATCH, OBS_DIM), torch.randint(0, 2, (BATCH,)).float(), legal)


def main(updates=3):
    torch.manual_seed(0)
    learner = DoubleDQNLearner(build_qnet(OBS_DIM, N_ACTIONS))
    for step in range(updates):
        print(step, round(learner.update(sample_batch()), 4))  # L


if __name__ == "__main__":
    main()
