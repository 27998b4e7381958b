import torch

from enhance import MaskEstimator, build_postproc, enhancement_loss

N_FFT = 16
CONFIG = {
    "model": {"hidden": 12, "post_on": "mask"},
    "postproc": {"name": "floor", "kwargs": {"floor": 0.05}},
    "lr": 1e-3,
    "steps": 2,
}


def magnitude(wave):
    spec = torch.stft(wave, N_FFT, hop_length=N_FFT // 2, window=torch.hann_window(N_FFT), return_complex=True)
    return spec.abs().transpose(-1, -2)


def main():
    torch.manual_seed(0)
    model = MaskEstimator(N_FFT // 2 + 1, postproc=build_postproc(CONFIG["postproc"]), **CONFIG["model"])
    opt = torch.optim.Adam(model.parameters(), lr=CONFIG["lr"])
    for step in range(CONFIG["steps"]):
        clean = torch.randn(3, 128)
        noisy = clean + 0.3 * torch.randn(3, 128)
        est = model(magnitude(noisy))  # L
        loss = enhancement_loss(est, magnitude(clean))
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
