package io.olyx.adapter.persistence;

import io.olyx.application.port.AccountRepository;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class JdbiAccountRepository implements AccountRepository {
    private final AccountDao dao;
    private final JsonCodec json;

    JdbiAccountRepository(AccountDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public void insert(Account a, String loginKeyHash) {
        dao.insert(a.id().value(), a.name(), a.email(), a.role().wire(), a.disabled(), json.write(a.parameters()),
                loginKeyHash, Rows.utc(a.createdAt()));
    }

    @Override
    public void update(Account a) {
        dao.update(a.id().value(), a.name(), a.role().wire(), a.disabled(), json.write(a.parameters()));
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return dao.findById(id.value()).map(this::toAccount);
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return dao.findForUpdate(id.value()).map(this::toAccount);
    }

    @Override
    public Optional<Account> findByLoginKeyHash(String loginKeyHash) {
        return dao.findByLoginKeyHash(loginKeyHash).map(this::toAccount);
    }

    @Override
    public List<Account> list(Optional<String> query) {
        String like = query.filter(q -> !q.isBlank()).map(q -> "%" + q.toLowerCase(Locale.ROOT) + "%").orElse(null);
        return dao.list(like, query.orElse(null)).stream().map(this::toAccount).toList();
    }

    @Override
    public long count() {
        return dao.count();
    }

    private Account toAccount(AccountDao.Row r) {
        return new Account(new AccountId(r.id()), r.name(), r.email(),
                Role.parse(r.role()).orElseThrow(() -> new IllegalStateException("unknown role " + r.role())),
                r.disabled(), json.readObject(r.parameters()), r.createdAt());
    }
}
