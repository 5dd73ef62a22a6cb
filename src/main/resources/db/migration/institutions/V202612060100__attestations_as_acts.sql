-- Clause confirmations become acts (issue 7): each one records the account, its role, the server time and whether
-- it is the hospital's own declaration (SELF_DECLARATION, 医院自评承诺) or a review (REVIEW, 审核确认). Records from the
-- free-text era carry only a typed name that anybody with write access could have entered, so they are kept as
-- hospital declarations with that name marked unverified: the clause shows the declaration and waits for an
-- authority's review instead of silently counting as reviewed.
update institutions.institution i
set attestations = (
    select coalesce(jsonb_agg(jsonb_build_object(
        'id', gen_random_uuid(),
        'clause', a->>'clause',
        'kind', 'SELF_DECLARATION',
        'kindLabel', '医院自评承诺',
        'evidence', coalesce(nullif(a->>'evidence', ''), '（迁移前记录未填写）'),
        'confirmedById', null,
        'confirmedBy', coalesce(nullif(a->>'confirmedBy', ''), '（未署名）') || '（迁移前文字记录）',
        'confirmedByRole', null,
        'confirmedByRoleLabel', '未核实',
        'confirmedOn', a->>'confirmedOn',
        'confirmedAt', null)), '[]'::jsonb)
    from jsonb_array_elements(i.attestations) a)
where jsonb_typeof(i.attestations) = 'array';
