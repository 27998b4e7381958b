def fit(model, opt, batches, callbacks=()):
    for step, x in enumerate(batches):
        loss = model.neg_elbo(x)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        for cb in callbacks:
            getattr(cb, "on_step_end", lambda: None)()
        print(step, loss.item())
