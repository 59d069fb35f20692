"""The door's slot bookkeeping (service/slots.py): who is evicted when, and the rate limit."""

from __future__ import annotations

from coopshare.service.slots import Pending, Slots


class _Conn:
    def __init__(self) -> None:
        self.aborted = False

    def abort(self) -> None:
        self.aborted = True


def _admit(s: Slots, source: str) -> tuple[Pending | None, _Conn]:
    c = _Conn()
    return s.admit(source, c.abort), c


def test_a_source_at_its_cap_loses_its_own_oldest() -> None:
    s = Slots(total=100, per_source=3, burst=100)
    first = [_admit(s, "10.0.0.9") for _ in range(3)]
    other, other_conn = _admit(s, "10.0.0.1")
    newest, _ = _admit(s, "10.0.0.9")
    assert newest is not None and s.pending_from("10.0.0.9") == 3
    assert first[0][1].aborted and first[0][0] is not None and first[0][0].evicted
    assert not any(c.aborted for _, c in first[1:]) and not other_conn.aborted
    assert other is not None and s.count == 4


def test_a_full_door_evicts_from_the_source_holding_most_prefers_pre_knock() -> None:
    s = Slots(total=6, per_source=10, burst=100)
    a = [_admit(s, "10.0.0.2") for _ in range(4)]
    b = [_admit(s, "10.0.0.3") for _ in range(2)]
    for p, _ in a[:2]:
        assert p is not None
        p.knocked = True  # these two hold a valid network key: TLS under way
    member, member_conn = _admit(s, "127.0.0.1")
    assert member is not None and s.count == 6
    evicted = [c.aborted for _, c in a + b]
    assert evicted == [False, False, True, False, False, False]  # oldest pre-knock of 10.0.0.2
    # once nobody is left waiting for a knock... (fill with knocked handshakes)
    for p, _ in a + b:
        if p is not None and not p.released:
            p.knocked = True
    member.knocked = True
    late, _ = _admit(s, "10.0.0.4")
    assert late is not None and a[0][1].aborted  # the oldest of the source holding most
    assert not member_conn.aborted


def test_a_released_slot_is_free_again_and_release_is_idempotent() -> None:
    s = Slots(total=2, per_source=2, burst=100)
    p, _ = _admit(s, "10.0.0.2")
    assert p is not None
    s.release(p)
    s.release(p)
    assert s.count == 0 and s.pending_from("10.0.0.2") == 0


def test_rate_limit_per_source() -> None:
    s = Slots(total=1000, per_source=1000, rate=0.001, burst=5)
    got = [_admit(s, "10.0.0.2")[0] for _ in range(8)]
    assert sum(p is not None for p in got) == 5 and s.stats.rate_limited == 3
    assert _admit(s, "10.0.0.3")[0] is not None  # another source has its own bucket


def test_old_behaviour_refuses_the_newcomer() -> None:
    s = Slots(total=2, per_source=10, burst=100, evict=False)
    held = [_admit(s, "10.0.0.2") for _ in range(2)]
    newcomer, _ = _admit(s, "127.0.0.1")
    assert newcomer is None and s.stats.refused_full == 1
    assert not any(c.aborted for _, c in held)


def test_source_of_counts_ipv4_mapped_as_ipv4_and_ipv6_by_64() -> None:
    from coopshare.service.listener import source_of

    assert source_of("::ffff:127.0.0.2") == "127.0.0.2"
    assert source_of("2001:db8:1:2::5") == source_of("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert source_of("fe80::1%eth0") == "fe80::/64"
    assert source_of("?") == "?"
