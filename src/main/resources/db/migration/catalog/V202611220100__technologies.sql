-- The restricted-technology catalogue: national 2022 edition (G01–G12) and Jilin's provincial 2022 edition (S01–S05).
create table catalog.technology (
    code              varchar(8) primary key,
    name              varchar(100) not null,
    level             varchar(16)  not null check (level in ('NATIONAL', 'PROVINCIAL')),
    jurisdiction      varchar(6)   not null,
    catalogue_edition varchar(60)  not null,
    status            varchar(16)  not null check (status in ('IN_FORCE', 'WITHDRAWN')),
    sort_order        int          not null
);

create table catalog.technology_history (
    code        varchar(8)   not null references catalog.technology (code),
    occurred_on date         not null,
    event       varchar(300) not null,
    primary key (code, occurred_on, event)
);

insert into catalog.technology (code, name, level, jurisdiction, catalogue_edition, status, sort_order) values
    ('G01', '异基因造血干细胞移植技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 1),
    ('G02', '同种胰岛移植技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 2),
    ('G03', '同种异体运动系统结构性组织移植技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 3),
    ('G04', '同种异体角膜移植技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 4),
    ('G05', '性别重置技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 5),
    ('G06', '质子和重离子加速器放射治疗技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 6),
    ('G07', '放射性粒子植入治疗技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 7),
    ('G08', '肿瘤消融治疗技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 8),
    ('G09', '心室辅助技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 9),
    ('G10', '人工智能辅助治疗技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 10),
    ('G11', '体外膜肺氧合（ECMO）技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 11),
    ('G12', '自体器官移植技术', 'NATIONAL', '000000', '国家限制类技术目录（2022年版）', 'IN_FORCE', 12),
    ('S01', '同种异体皮肤移植技术', 'PROVINCIAL', '220000', '吉林省限制类技术目录（2022年版）', 'IN_FORCE', 101),
    ('S02', '人工智能辅助诊断技术', 'PROVINCIAL', '220000', '吉林省限制类技术目录（2022年版）', 'IN_FORCE', 102),
    ('S03', '口腔颌面部肿瘤颅颌联合根治技术', 'PROVINCIAL', '220000', '吉林省限制类技术目录（2022年版）', 'IN_FORCE', 103),
    ('S04', '肿瘤深部热疗和全身热疗技术', 'PROVINCIAL', '220000', '吉林省限制类技术目录（2022年版）', 'IN_FORCE', 104),
    ('S05', '颅颌面畸形颅面外科矫治技术', 'PROVINCIAL', '220000', '吉林省限制类技术目录（2022年版）', 'IN_FORCE', 105);

insert into catalog.technology_history (code, occurred_on, event)
select code, date '2017-02-14', '列入国家限制类技术目录（2017年版，国卫办医发〔2017〕7号）'
from catalog.technology where code in ('G01','G02','G03','G04','G05','G06','G07','G08','G09','G10','S01','S02','S03','S04','S05');

insert into catalog.technology_history (code, occurred_on, event) values
    ('G11', date '2020-01-01', '2020年国家通知将体外膜肺氧合（ECMO）技术纳入限制类技术管理（通知具体日期未录入，按当年1月1日记）');

insert into catalog.technology_history (code, occurred_on, event)
select code, date '2022-04-20', '列入国家限制类技术目录（2022年版）'
from catalog.technology where level = 'NATIONAL';

insert into catalog.technology_history (code, occurred_on, event)
select code, date '2022-04-20', '国家限制类技术目录（2022年版）施行，不再列入国家目录，由省级卫生健康行政部门管理'
from catalog.technology where level = 'PROVINCIAL';

insert into catalog.technology_history (code, occurred_on, event)
select code, date '2022-11-22', '列入吉林省限制类技术目录（2022年版，吉卫医发〔2022〕12号）'
from catalog.technology where level = 'PROVINCIAL';
